/**
 * The CardService API surface the recorder checks calls against: methods per class and enum members. Taken from the
 * DefinitelyTyped `@types/google-apps-script` 2.0.13 declarations, plus a few newer members Google's reference lists
 * (CardSection.setCollapseControl, TextButton icons, TextButtonStyle.TEXT). Classes not listed here accept any call.
 */

const METHOD_TABLE: Record<string, string> = {
  Action: 'addRequiredWidget setAllWidgetsAreRequired setFunctionName setInteraction setLoadIndicator setParameters setMethodName setPersistValues',
  ActionResponseBuilder: 'build setNavigation setNotification setOpenLink setStateChanged',
  Attachment: 'setIconUrl setMimeType setResourceUrl setTitle',
  AuthorizationAction: 'setAuthorizationUrl',
  AuthorizationException: 'printJson setAuthorizationUrl setCustomUiCallback setResourceDisplayName throwException',
  ButtonSet: 'addButton',
  CardAction: 'setAuthorizationAction setComposeAction setOnClickAction setOnClickOpenLinkAction setOpenLink setText',
  CardBuilder: 'addCardAction addSection build setHeader setName setFixedFooter setDisplayStyle setPeekCardHeader',
  CardHeader: 'setImageAltText setImageStyle setImageUrl setSubtitle setTitle',
  CardSection: 'addWidget setCollapsible setHeader setNumUncollapsibleWidgets setCollapseControl',
  ComposeActionResponseBuilder: 'build setGmailDraft',
  IconImage: 'setAltText setIcon setIconUrl setImageCropType setMaterialIcon',
  Image: 'setAltText setAuthorizationAction setComposeAction setImageUrl setOnClickAction setOnClickOpenLinkAction setOpenLink',
  ImageButton: 'setAltText setAuthorizationAction setComposeAction setIcon setIconUrl setMaterialIcon setOnClickAction setOnClickOpenLinkAction setOpenLink',
  KeyValue: 'setAuthorizationAction setBottomLabel setButton setComposeAction setContent setIcon setIconAltText setIconUrl setMultiline setOnClickAction setOnClickOpenLinkAction setOpenLink setSwitch setTopLabel',
  MaterialIcon: 'setFill setGrade setName setWeight',
  Navigation: 'popCard popToNamedCard popToRoot printJson pushCard updateCard',
  Notification: 'setText',
  OpenLink: 'setOnClose setOpenAs setUrl',
  SelectionInput: 'addItem addMultiSelectItem setExternalDataSource setFieldName setMultiSelectMaxSelectedItems setMultiSelectMinQueryLength setOnChangeAction setTitle setType',
  Suggestions: 'addSuggestion addSuggestions',
  SuggestionsResponseBuilder: 'build setSuggestions',
  Switch: 'setFieldName setOnChangeAction setSelected setValue setControlType',
  TextButton: 'setAltText setAuthorizationAction setBackgroundColor setComposeAction setDisabled setOnClickAction setOnClickOpenLinkAction setOpenLink setText setTextButtonStyle setIcon setIconUrl setMaterialIcon',
  TextInput: 'setFieldName setHint setMultiline setOnChangeAction setSuggestions setSuggestionsAction setTitle setValidation setValue',
  TextParagraph: 'setText setMaxLines',
  TimePicker: 'setFieldName setHours setMinutes setOnChangeAction setTitle',
  UniversalActionResponseBuilder: 'build displayAddOnCards setOpenLink',
  Validation: 'setCharacterLimit setInputType',
  FixedFooter: 'setPrimaryButton setSecondaryButton',
  DatePicker: 'setFieldName setOnChangeAction setTitle setValueInMsSinceEpoch',
  DateTimePicker: 'setFieldName setOnChangeAction setTimeZoneOffsetInMins setTitle setValueInMsSinceEpoch',
  DecoratedText: 'setAuthorizationAction setBottomLabel setButton setComposeAction setEndIcon setIcon setIconAltText setIconUrl setOnClickAction setOnClickOpenLinkAction setOpenLink setStartIcon setSwitchControl setText setTopLabel setWrapText',
  Divider: '',
  BorderStyle: 'setCornerRadius setStrokeColor setType',
  ImageCropStyle: 'setAspectRatio setImageCropType',
  ImageComponent: 'setAltText setBorderStyle setCropStyle setImageUrl',
  GridItem: 'setIdentifier setImage setLayout setSubtitle setTextAlignment setTitle',
  Grid: 'addItem setAuthorizationAction setBorderStyle setComposeAction setNumColumns setOnClickAction setOnClickOpenLinkAction setOpenLink setTitle',
  DriveItemsSelectedActionResponseBuilder: 'build requestFileScope',
  EditorFileScopeActionResponseBuilder: 'build requestFileScopeForActiveDocument',
};

const ENUM_TABLE: Record<string, string> = {
  Interaction: 'INTERACTION_UNSPECIFIED OPEN_DIALOG',
  DisplayStyle: 'PEEK REPLACE',
  ComposedEmailType: 'REPLY_AS_DRAFT STANDALONE_DRAFT',
  ContentType: 'TEXT MUTABLE_HTML IMMUTABLE_HTML',
  Icon: 'NONE AIRPLANE BOOKMARK BUS CAR CLOCK CONFIRMATION_NUMBER_ICON DOLLAR DESCRIPTION EMAIL EVENT_PERFORMER EVENT_SEAT FLIGHT_ARRIVAL FLIGHT_DEPARTURE HOTEL HOTEL_ROOM_TYPE INVITE MAP_PIN MEMBERSHIP MULTIPLE_PEOPLE OFFER PERSON PHONE RESTAURANT_ICON SHOPPING_CART STAR STORE TICKET TRAIN VIDEO_CAMERA VIDEO_PLAY',
  ImageStyle: 'SQUARE CIRCLE',
  LoadIndicator: 'SPINNER NONE',
  OnClose: 'NOTHING RELOAD RELOAD_ADD_ON',
  OpenAs: 'FULL_SIZE OVERLAY',
  SelectionInputType: 'CHECK_BOX RADIO_BUTTON DROPDOWN SWITCH MULTI_SELECT',
  SwitchControlType: 'SWITCH CHECK_BOX',
  TextButtonStyle: 'OUTLINED TEXT FILLED FILLED_TONAL BORDERLESS',
  InputType: 'TEXT INTEGER FLOAT EMAIL',
  BorderType: 'NO_BORDER STROKE',
  GridItemLayout: 'TEXT_BELOW TEXT_ABOVE',
  HorizontalAlignment: 'START CENTER END',
  ImageCropType: 'SQUARE CIRCLE RECTANGLE_CUSTOM RECTANGLE_4_3',
  UpdateDraftBodyType: 'IN_PLACE_INSERT',
};

const split = (s: string): string[] => s.split(' ').filter(Boolean);

/** Method names by CardService class (e.g. `TextButton`); absent class = unchecked. */
export const CARD_METHODS: ReadonlyMap<string, ReadonlySet<string>> = new Map(Object.entries(METHOD_TABLE).map(([k, v]) => [k, new Set(split(v))]));

/** Enum members as the strings the recorder hands out (`CardService.LoadIndicator.SPINNER === 'SPINNER'`). */
export const CARD_ENUMS: Readonly<Record<string, Readonly<Record<string, string>>>> = Object.fromEntries(
  Object.entries(ENUM_TABLE).map(([k, v]) => [k, Object.fromEntries(split(v).map((m) => [m, m]))]),
);
