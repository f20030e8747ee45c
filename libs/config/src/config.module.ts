import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import type { ApiConfig, MediaConfig } from './config.types';

/**
 * Provides each configuration group under its own class token. The app's bootstrap loads
 * and validates the configuration before Nest starts (so a bad variable fails fast with
 * one line) and passes it here.
 */
@Module({})
export class ConfigModule {
  static forRoot(config: ApiConfig | MediaConfig): DynamicModule {
    const providers: Provider[] = Object.values(config).map((group: object) => ({
      provide: group.constructor,
      useValue: group,
    }));
    return { module: ConfigModule, global: true, providers, exports: providers };
  }
}
