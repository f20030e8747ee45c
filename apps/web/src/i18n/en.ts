import type zhCN from './zh-CN';

const en: typeof zhCN = {
  app: {
    name: 'Tongke',
    tagline: 'Three classrooms: one good lesson for city and village children alike',
    switchLanguage: '中文',
  },
  classrooms: {
    dedicated: {
      title: 'Dedicated classroom',
      body: 'An urban lead teacher teaches live to several rural classrooms at once (1+N), with a local assistant in each room.',
    },
    master: {
      title: 'Master-teacher classroom',
      body: 'Studios and research groups co-plan, observe and evaluate lessons across schools.',
    },
    famous: {
      title: 'Famous-school network classroom',
      body: 'Lessons from famous schools, live to many schools and kept as a searchable on-demand library.',
    },
  },
  status: {
    title: 'Platform status',
    loading: 'Checking…',
    ok: 'All systems running',
    error: 'Some services are unavailable',
    unreachable: 'Cannot reach the server',
    mongodb: 'Database',
    redis: 'Cache and messaging',
    media: 'Media nodes',
    up: 'up',
    down: 'down',
    nodes: '{count} media node(s), {workers} media worker(s)',
  },
};

export default en;
