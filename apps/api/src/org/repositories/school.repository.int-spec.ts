import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { getConnectionToken } from '@nestjs/mongoose';
import { Test } from '@nestjs/testing';
import { ConfigModule, loadApiConfig } from '@tongke/config';
import { Types, type Connection } from 'mongoose';
import { startFerretDB, stopChild, type Started } from '../../../../../scripts/lib/services.cjs';
import { testConfigEnv, testWorkDir } from '../../../../../test/support/test-env';
import { DatabaseModule } from '../../database/database.module';
import { OrgModule } from '../org.module';
import { SchoolRepository } from './school.repository';

const school = (communityId: Types.ObjectId, name: string) => ({
  _id: new Types.ObjectId(),
  communityId,
  name,
  kind: 'rural' as const,
  stage: 'primary' as const,
  address: '汤河乡',
  teachingPoint: true,
  studentCount: 38,
});

/** Its own FerretDB process, so the test can restart it without disturbing other specs. */
describe(SchoolRepository.name, () => {
  const dataDir = path.join(testWorkDir(), `restart-${randomUUID()}`);
  let db: Started & { uri: string };

  async function open() {
    const config = loadApiConfig(testConfigEnv({ MONGODB_URI: db.uri }));
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), DatabaseModule, OrgModule],
    }).compile();
    await moduleRef.init();
    return { moduleRef, repo: moduleRef.get(SchoolRepository) };
  }

  beforeAll(async () => {
    db = await startFerretDB({ dataDir });
  });

  afterAll(async () => {
    await stopChild(db.child);
  });

  it('keeps documents across a restart of the embedded FerretDB process', async () => {
    const communityId = new Types.ObjectId();
    const first = await open();
    await first.repo.upsert(school(communityId, '鹿楼乡大湖教学点'));
    await first.moduleRef.close();

    await stopChild(db.child);
    db = await startFerretDB({ dataDir, port: db.port });

    const second = await open();
    const found = await second.repo.findByCommunity(communityId);
    expect(found.map((s) => s.name)).toEqual(['鹿楼乡大湖教学点']);
    expect(found[0]).toMatchObject({ teachingPoint: true, studentCount: 38, kind: 'rural' });
    await second.moduleRef.close();
  });

  it('never returns another community’s schools', async () => {
    const { moduleRef, repo } = await open();
    const mine = new Types.ObjectId();
    const theirs = new Types.ObjectId();
    await repo.upsert(school(mine, '石林镇小学'));
    await repo.upsert(school(theirs, '另一联盟小学'));
    expect((await repo.findByCommunity(mine)).map((s) => s.name)).toEqual(['石林镇小学']);
    expect(await repo.countByCommunity(theirs)).toBe(1);
    expect(moduleRef.get<Connection>(getConnectionToken()).readyState).toBe(1);
    await moduleRef.close();
  });
});
