import { cachedHolidayTable } from './holiday-table.mjs';
const t = cachedHolidayTable();
let fixed=0, yearly=0, sf=0, sy=0;
for (const [k,v] of Object.entries(t.days)) { for (const half of v.split('>')) { const p=half.split(';'); const f=(p[0]||'').length/4, y=p.slice(1).join('').length/4; if (k.includes('-')) {sf+=f; sy+=y;} else {fixed+=f; yearly+=y;} } }
console.log({fixed, yearly, sf, sy});
const names=t.names.split('|'); console.log(names.length, names.sort((a,b)=>b.length-a.length).slice(0,15));
