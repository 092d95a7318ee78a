/** The views in one import for the dispatcher: each a pure function from data to a CardSpec. */
export { homeCard, matchAccounts, type HomeInput, type Host } from './home-view';
export { accountCard, actionsDue, topRisks, type AccountInput } from './account-view';
export { resultsCard, errorCard, GMAIL_DRAFTS_URL, type ResultsInput, type ErrorInput, type InPlaceReport } from './results-view';
export { managerCard, bookCounts, lastGenerated, DUE_WINDOW_DAYS, type ManagerInput } from './manager-view';
export { settingsCard, type SettingsInput, type SettingsField } from './settings-view';
export { managerListCard, csmRows, MAX_CARD_WIDGETS, LIST_PAGE, type ManagerList } from './manager-view';
export { bookRunConfirmCard, disconnectConfirmCard, regenerateConfirmCard, type BookRunPlan } from './confirm-view';
