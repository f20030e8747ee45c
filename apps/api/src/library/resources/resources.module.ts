import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditModule } from '../../audit/audit.module';
import { AuthModule } from '../../auth/auth.module';
import { InsightSignalsModule } from '../../insight/signals/insight-signals.module';
import { MediaToolsModule } from '../media-tools/media-tools.module';
import { FavouriteRepository } from './favourites/favourite.repository';
import { Favourite, FavouriteSchema } from './favourites/favourite.schema';
import { FavouritesService } from './favourites/favourites.service';
import { MediaFilesController } from './media/media-files.controller';
import { MediaFilesService } from './media/media-files.service';
import { ResourceFilesStore } from './media/resource-files.store';
import { ResourceMediaLinks } from './media/resource-media.links';
import { PlaybackService } from './playback/playback.service';
import { RecentViewsStore } from './playback/recent-views.store';
import { ResourceAccess } from './resource-access.service';
import { ResourceFactory } from './resource.factory';
import { ResourceRepository } from './resource.repository';
import { Resource, ResourceSchema } from './resource.schema';
import { ResourceViews } from './resource-views.service';
import { ResourcesController } from './resources.controller';
import { ResourcesService } from './resources.service';
import { SearchTokenizer } from './search/search-tokenizer';
import { SeriesLinks } from './series/series-links.service';
import { SeriesController } from './series/series.controller';
import { SeriesRepository } from './series/series.repository';
import { Series, SeriesSchema } from './series/series.schema';
import { SeriesService } from './series/series.service';

/**
 * The library's resources (recorded lessons and uploaded videos): search in Chinese, visibility,
 * editing, playback and download links, the media files behind them, counts, favourites and
 * series. Other library parts create resources with ResourceFactory and read or update them
 * with ResourceRepository (the processing pipeline), check access with ResourceAccess and the
 * policy, and sign media links with ResourceMediaLinks.
 */
@Module({
  imports: [
    AuthModule,
    AuditModule,
    MediaToolsModule,
    InsightSignalsModule,
    MongooseModule.forFeature([
      { name: Resource.name, schema: ResourceSchema },
      { name: Favourite.name, schema: FavouriteSchema },
      { name: Series.name, schema: SeriesSchema },
    ]),
  ],
  controllers: [ResourcesController, SeriesController, MediaFilesController],
  providers: [
    ResourceRepository,
    FavouriteRepository,
    SeriesRepository,
    SearchTokenizer,
    ResourceAccess,
    ResourceViews,
    ResourceFactory,
    ResourcesService,
    PlaybackService,
    RecentViewsStore,
    FavouritesService,
    SeriesService,
    SeriesLinks,
    ResourceMediaLinks,
    ResourceFilesStore,
    MediaFilesService,
  ],
  exports: [
    ResourceRepository,
    SeriesRepository,
    ResourceFactory,
    ResourceAccess,
    ResourceMediaLinks,
    ResourceFilesStore,
    SearchTokenizer,
  ],
})
export class ResourcesModule {}
