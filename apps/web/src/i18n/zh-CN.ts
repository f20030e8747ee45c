export default {
  app: { name: '同课', tagline: '三个课堂：让城乡孩子同上一堂好课', switchLanguage: 'English' },
  classrooms: {
    dedicated: { title: '专递课堂', body: '城区主讲教师直播授课，多个乡村教室同步互动（1+N），本地助教协助课堂。' },
    master: { title: '名师课堂', body: '名师工作室与教研组跨校集体备课、听课评课、一课双研。' },
    famous: { title: '名校网络课堂', body: '名校课程直播到各校，并沉淀为可检索的点播资源与空中云课堂。' },
  },
  status: {
    title: '平台状态',
    loading: '正在检查…',
    ok: '运行正常',
    error: '部分服务不可用',
    unreachable: '无法连接到服务器',
    mongodb: '数据库',
    redis: '缓存与消息',
    media: '媒体节点',
    up: '正常',
    down: '异常',
    nodes: '{count} 个媒体节点，{workers} 个媒体进程',
  },
};
