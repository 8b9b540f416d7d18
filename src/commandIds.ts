/** `publisher.name` from package.json: the authority of links to the extension. */
export const EXTENSION_ID = 'anyapi.anyapi-video-tasks';

/** Every command the extension contributes; package.json uses the same ids. */
export const CommandId = {
  trackTask: 'anyapiVideo.trackTask',
  setApiKey: 'anyapiVideo.setApiKey',
  clearApiKey: 'anyapiVideo.clearApiKey',
  refresh: 'anyapiVideo.refresh',
  openPreview: 'anyapiVideo.openPreview',
  untrackTask: 'anyapiVideo.untrackTask',
  copyTaskId: 'anyapiVideo.copyTaskId',
  copyVideoUrl: 'anyapiVideo.copyVideoUrl',
  copyTaskLink: 'anyapiVideo.copyTaskLink',
  openVideoExternal: 'anyapiVideo.openVideoExternal',
  clearFinished: 'anyapiVideo.clearFinished',
  trackSelection: 'anyapiVideo.trackSelection',
  exportTasks: 'anyapiVideo.exportTasks',
  downloadVideo: 'anyapiVideo.downloadVideo',
  renameTask: 'anyapiVideo.renameTask',
  groupBy: 'anyapiVideo.groupBy',
  createTask: 'anyapiVideo.createTask',
  generateFromSelection: 'anyapiVideo.generateFromSelection',
  generateAgain: 'anyapiVideo.generateAgain',
  filterTasks: 'anyapiVideo.filterTasks',
  clearFilter: 'anyapiVideo.clearFilter',
  copySupportInfo: 'anyapiVideo.copySupportInfo',
  keepCopy: 'anyapiVideo.keepCopy',
  openGallery: 'anyapiVideo.openGallery',
  compareTasks: 'anyapiVideo.compareTasks',
  openSettings: 'anyapiVideo.openSettings',
  getStarted: 'anyapiVideo.getStarted',
  cancelAutoDownloads: 'anyapiVideo.cancelAutoDownloads',
  showRawResponse: 'anyapiVideo.showRawResponse',
} as const;

/** The id of one of {@link CommandId}. */
export type CommandIdValue = (typeof CommandId)[keyof typeof CommandId];

/** The walkthrough in package.json, as `workbench.action.openWalkthrough` names it. */
export const WALKTHROUGH_ID = `${EXTENSION_ID}#getStarted`;

/** Ids of the views and webviews, shared by package.json and code. */
export const ViewId = {
  tasks: 'anyapiVideo.tasks',
  preview: 'anyapiVideo.preview',
  gallery: 'anyapiVideo.gallery',
  compare: 'anyapiVideo.compare',
} as const;

/** Context keys used in `when` clauses of package.json. */
export const ContextKey = {
  hasApiKey: 'anyapiVideo.hasApiKey',
  /** The Video Tasks view is filtered. */
  filtered: 'anyapiVideo.filtered',
  /** At least one task is tracked. */
  hasTasks: 'anyapiVideo.hasTasks',
  /** A preview is open (the walkthrough's "open the preview" step). */
  previewOpen: 'anyapiVideo.previewOpen',
} as const;
