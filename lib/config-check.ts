import { ConfigurationError, getConfig } from './config';

/** At server start: print what to set and stop, rather than fail on the first request. */
export function checkConfigurationOrExit() {
  try {
    getConfig();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    console.error(`\n${error.message}\n\nSee .env.example for every variable.\n`);
    process.exit(1);
  }
}
