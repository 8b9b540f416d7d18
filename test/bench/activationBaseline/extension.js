// Does nothing, so the time VS Code reports for it is the time it charges
// for the extensions loaded before it (see test/bench/workbenchActivation.ts).
exports.activate = () => undefined;
