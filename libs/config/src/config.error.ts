/** Invalid configuration. `message` is one line naming each bad variable and what is wrong. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = ConfigError.name;
  }
}
