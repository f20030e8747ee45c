import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import {
  PROCESSING_STAGES,
  RESOURCE_KINDS,
  RESOURCE_STATUSES,
  RESOURCE_VISIBILITIES,
  SUBJECTS,
  type ProcessingStage,
  type ResourceKind,
  type ResourceStatus,
  type ResourceVisibility,
  type Subject,
} from '@tongke/contracts';
import { Schema as MongooseSchema, type Types } from 'mongoose';

export interface PersonRef {
  id: Types.ObjectId;
  name: string;
}

/** Where the processing pipeline stands (see ProcessingView). */
export interface ResourceProcessing {
  stage: ProcessingStage;
  progress: number;
  attempts: number;
  error?: string;
  updatedAt: Date;
}

/** What the pipeline published, relative to `<STORAGE_ROOT>/resources/<id>/`. */
export interface ResourceMedia {
  durationS: number;
  width: number;
  height: number;
  /** HLS rendition heights; playlists at hls/master.m3u8 and hls/<height>p/index.m3u8. */
  renditions: number[];
  /** video.mp4, poster.jpg and thumbs.jpg, always; the strip's geometry: */
  thumbnails: { intervalS: number; columns: number; rows: number; count: number; width: number; height: number };
}

/** Where the pipeline reads from, relative to STORAGE_ROOT. */
export interface ResourceSource {
  kind: ResourceKind;
  /** recordings/<sessionId>/manifest.json or sources/<resourceId>/source.<ext>. */
  path: string;
  /** Uploads: original file name, size and SHA-256. */
  filename?: string;
  size?: number;
  sha256?: string;
}

/** A recorded lesson or an uploaded video in the library. */
@Schema({ collection: 'library_resources', timestamps: true })
export class Resource {
  _id!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true })
  communityId!: Types.ObjectId;

  /** The community's district (for `district` visibility). */
  @Prop({ type: String, required: true })
  district!: string;

  @Prop({ type: String, required: true, enum: RESOURCE_KINDS })
  kind!: ResourceKind;

  @Prop({ type: String, required: true, trim: true })
  title!: string;

  @Prop({ type: String, default: '' })
  description!: string;

  @Prop({ type: String, required: true, enum: SUBJECTS })
  subject!: Subject;

  @Prop({ type: Number, required: true, min: 1, max: 9 })
  grade!: number;

  @Prop({ type: String })
  textbookEdition?: string;

  @Prop({ type: String })
  chapter?: string;

  @Prop({ type: { _id: false, id: { type: 'ObjectId', required: true }, name: { type: String, required: true } } })
  teacher?: PersonRef;

  @Prop({ type: { _id: false, id: { type: 'ObjectId', required: true }, name: { type: String, required: true } } })
  school?: PersonRef;

  @Prop({ type: [String], default: [] })
  tags!: string[];

  @Prop({ type: String, required: true, enum: RESOURCE_VISIBILITIES, default: 'community' })
  visibility!: ResourceVisibility;

  /**
   * Restricted resources (a private research meeting's recording): whatever `visibility` says, only
   * these accounts, the research officers of its community and the admins who manage it see it.
   * Unset: no restriction.
   */
  @Prop({ type: [MongooseSchema.Types.ObjectId], default: undefined })
  audienceIds?: Types.ObjectId[];

  /**
   * Accounts of other communities who also see it (ready): a research group's members from the
   * district's other communities, for the recordings of the group's lessons they evaluate.
   */
  @Prop({ type: [MongooseSchema.Types.ObjectId], default: undefined })
  guestIds?: Types.ObjectId[];

  @Prop({ type: String, required: true, enum: RESOURCE_STATUSES, default: 'processing' })
  status!: ResourceStatus;

  @Prop({
    type: {
      _id: false,
      stage: { type: String, enum: PROCESSING_STAGES, required: true },
      progress: { type: Number, required: true, min: 0, max: 1 },
      attempts: { type: Number, required: true, min: 0 },
      error: { type: String },
      updatedAt: { type: Date, required: true },
    },
    required: true,
  })
  processing!: ResourceProcessing;

  @Prop({ type: MongooseSchema.Types.Mixed })
  media?: ResourceMedia;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  source!: ResourceSource;

  /** Recordings: the live session (one resource per session). */
  @Prop({ type: 'ObjectId' })
  sessionId?: Types.ObjectId;

  @Prop({ type: [MongooseSchema.Types.ObjectId], default: [] })
  seriesIds!: Types.ObjectId[];

  /** jieba tokens of title, description, tags, chapter and subject name (lower-cased), for search. */
  @Prop({ type: [String], default: [] })
  searchTokens!: string[];

  @Prop({ type: Number, default: 0, min: 0 })
  views!: number;

  @Prop({ type: Number, default: 0, min: 0 })
  downloads!: number;

  @Prop({ type: Number, default: 0, min: 0 })
  favourites!: number;

  @Prop({ type: 'ObjectId', required: true })
  createdBy!: Types.ObjectId;

  @Prop({ type: Date })
  publishedAt?: Date;

  createdAt!: Date;
  updatedAt!: Date;
}

export const ResourceSchema = SchemaFactory.createForClass(Resource);
ResourceSchema.index({ communityId: 1, status: 1, createdAt: -1 });
ResourceSchema.index({ searchTokens: 1 });
ResourceSchema.index({ visibility: 1, district: 1 });
ResourceSchema.index({ sessionId: 1 }, { unique: true, partialFilterExpression: { sessionId: { $exists: true } } });
