// natural loads dotenv, which prints a banner on every load unless told to be quiet.
process.env.DOTENV_CONFIG_QUIET = 'true';
