import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MongoConfig } from '@tongke/config';

/**
 * One mongoose connection for the API. Works against MongoDB 7 in production and the
 * embedded FerretDB 1.24 on one machine and in tests; code stays inside what both support
 * (no transactions, $lookup or positional array updates).
 */
@Module({
  imports: [
    MongooseModule.forRootAsync({
      inject: [MongoConfig],
      useFactory: (mongo: MongoConfig) => ({
        uri: mongo.uri,
        dbName: mongo.dbName,
        serverSelectionTimeoutMS: 10_000,
        // Fail start-up on the first error instead of retrying forever.
        retryAttempts: 0,
        autoIndex: true,
      }),
    }),
  ],
})
export class DatabaseModule {}
