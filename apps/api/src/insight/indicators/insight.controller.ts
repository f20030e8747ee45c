import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  type BalanceView,
  type CoverageView,
  type InsightOverview,
  type InsightSchoolsView,
  type InsightScopesView,
  type LibraryUseView,
  Role,
  type TrendView,
} from '@tongke/contracts';
import { Auth } from '../../auth/auth.decorator';
import { CurrentUser } from '../../auth/current-user.decorator';
import { ErrorBodyDto } from '../../auth/dto/error-body.dto';
import type { User } from '../../org/schemas/user.schema';
import { BalanceQueryDto } from './dto/balance-query.dto';
import { InsightExportQueryDto } from './dto/insight-export-query.dto';
import { InsightQueryDto } from './dto/insight-query.dto';
import { InsightTableParams } from './dto/insight-table.params';
import { InsightService } from './insight.service';
import { InsightExportService } from './insight-export.service';

const VIEWERS = [Role.DISTRICT_ADMIN, Role.COMMUNITY_ADMIN, Role.SCHOOL_ADMIN];
const SCOPED =
  'Scoped to the caller: a district admin their district, a community admin their community, a school admin their school.';

@ApiTags('insight')
@ApiBadRequestResponse({ type: ErrorBodyDto })
@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'Unknown communityId / schoolId' })
@Controller('insight')
@Auth(...VIEWERS)
export class InsightController {
  constructor(
    private readonly insight: InsightService,
    private readonly exports: InsightExportService,
  ) {}

  @Get('scopes')
  @ApiOperation({
    summary: 'What the caller may look at: communities, schools and terms (for the switchers)',
    description: SCOPED,
  })
  @ApiOkResponse({ description: 'InsightScopesView (contracts insight-views.ts)' })
  scopes(@CurrentUser() user: User): Promise<InsightScopesView> {
    return this.insight.scopesFor(user);
  }

  @Get('overview')
  @ApiOperation({
    summary: 'The overview cards: lessons, hours, coverage, attendance, library, research',
    description: SCOPED,
  })
  @ApiOkResponse({ description: 'InsightOverview (contracts insight-views.ts)' })
  overview(@CurrentUser() user: User, @Query() q: InsightQueryDto): Promise<InsightOverview> {
    return this.insight.overview(user, q);
  }

  @Get('schools')
  @ApiOperation({ summary: 'Indicators per school', description: SCOPED })
  @ApiOkResponse({ description: 'InsightSchoolsView (contracts insight-views.ts)' })
  schools(@CurrentUser() user: User, @Query() q: InsightQueryDto): Promise<InsightSchoolsView> {
    return this.insight.schools(user, q);
  }

  @Get('coverage')
  @ApiOperation({
    summary: 'Hours received per rural school and subject, and required subjects covered (开齐)',
    description: SCOPED,
  })
  @ApiOkResponse({ description: 'CoverageView (contracts insight-views.ts)' })
  coverage(@CurrentUser() user: User, @Query() q: InsightQueryDto): Promise<CoverageView> {
    return this.insight.coverage(user, q);
  }

  @Get('trend')
  @ApiOperation({ summary: 'Lessons, hours, attendance, library views and evaluations per month', description: SCOPED })
  @ApiOkResponse({ description: 'TrendView (contracts insight-views.ts)' })
  trend(@CurrentUser() user: User, @Query() q: InsightQueryDto): Promise<TrendView> {
    return this.insight.trend(user, q);
  }

  @Get('library')
  @ApiOperation({ summary: 'Recording and library use, with the most watched resources', description: SCOPED })
  @ApiOkResponse({ description: 'LibraryUseView (contracts insight-views.ts)' })
  library(@CurrentUser() user: User, @Query() q: InsightQueryDto): Promise<LibraryUseView> {
    return this.insight.library(user, q);
  }

  @Get('balance')
  @ApiOperation({
    summary:
      'Balance between schools (校际差异系数): the coefficient of variation of an indicator, its trend and pullers',
    description: `${SCOPED} Per-student indicators are weighted by student count.`,
  })
  @ApiOkResponse({ description: 'BalanceView (contracts insight-views.ts)' })
  balance(@CurrentUser() user: User, @Query() q: BalanceQueryDto): Promise<BalanceView> {
    return this.insight.balance(user, q);
  }

  @Get('export/:table')
  @ApiOperation({ summary: 'A dashboard table as CSV (UTF-8 with BOM) or XLSX', description: SCOPED })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({
    description:
      'The file (Content-Disposition: tongke-insight-<table>[-<indicator>]-<scope>-<from>_<to>.<format>; ' +
      'the live table: tongke-insight-live-<scope>-<local export time yyyy-MM-ddTHHmm>.<format>)',
  })
  export(
    @CurrentUser() user: User,
    @Param() params: InsightTableParams,
    @Query() q: InsightExportQueryDto,
  ): Promise<StreamableFile> {
    return this.exports.export(user, params.table, q);
  }
}
