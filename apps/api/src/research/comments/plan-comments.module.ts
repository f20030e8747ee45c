import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuthModule } from '../../auth/auth.module';
import { OrgDirectoryModule } from '../../org/directory/org-directory.module';
import { ResearchAccessModule } from '../access/research-access.module';
import { PlanCommentRepository } from './plan-comment.repository';
import { PlanComment, PlanCommentSchema } from './plan-comment.schema';
import { PlanCommentsController } from './plan-comments.controller';
import { PlanCommentsService } from './plan-comments.service';

/** /api/research/plans/:id/comments; exports the repository (a deleted plan's comments go with it). */
@Module({
  imports: [
    AuthModule,
    OrgDirectoryModule,
    ResearchAccessModule,
    MongooseModule.forFeature([{ name: PlanComment.name, schema: PlanCommentSchema }]),
  ],
  controllers: [PlanCommentsController],
  providers: [PlanCommentRepository, PlanCommentsService],
  exports: [PlanCommentRepository],
})
export class PlanCommentsModule {}
