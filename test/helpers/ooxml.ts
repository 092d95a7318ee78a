/** Reads an OOXML package (.pptx, .docx) back with independent readers: jszip for the zip, fast-xml-parser for every part. */
import JSZip from 'jszip';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Every `.xml` / `.rels` part, with the validator's complaint (null when it is well-formed XML). */
export async function xmlParts(bytes: Buffer, prefix = ''): Promise<{ name: string; xml: string; error: string | null }[]> {
  const zip = await JSZip.loadAsync(bytes);
  // A chart's data is a workbook embedded in the deck (ppt/embeddings/*.xlsx): its parts are read too.
  const nested = await Promise.all(
    Object.keys(zip.files).filter((n) => /\.xlsx$/.test(n)).map(async (n) => xmlParts(await zip.file(n)!.async('nodebuffer'), `${prefix}${n}!/`)),
  );
  const names = Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n)).sort();
  const own = await Promise.all(
    names.map(async (n) => {
      const name = `${prefix}${n}`;
      const xml = await zip.file(n)!.async('string');
      const result = XMLValidator.validate(xml);
      // XMLValidator does not check characters: XML 1.0 §2.2 allows no C0 control but tab, LF and CR.
      // eslint-disable-next-line no-control-regex
      const bad = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE\uFFFF]|&#x?0*(?:[0-8bcBCeEfF]|1[0-9a-fA-F]|[12][0-9]|3[01]);/.exec(xml);
      const error = result === true ? (bad ? `character U+${bad[0].charCodeAt(0).toString(16)} at ${bad.index}` : null) : `${result.err.code}: ${result.err.msg} (line ${result.err.line})`;
      return { name, xml, error };
    }),
  );
  return [...own, ...nested.flat()];
}

/** One part parsed to objects (entities decoded), e.g. to read `<Company>` back. */
export async function parsePart(bytes: Buffer, name: string): Promise<Record<string, unknown>> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file(name)!.async('string');
  return new XMLParser({ ignoreAttributes: true, parseTagValue: false, processEntities: true }).parse(xml) as Record<string, unknown>;
}
