import { installL10nStandIn } from './helpers/l10nStandIn';

// Loaded by mocha before any test file (see `test:unit` in package.json).
installL10nStandIn();
