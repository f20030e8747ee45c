import type { AreaMessages } from '../i18n';

// The broadcast of a live lesson (名校网络课堂): the viewer's player (/watch/:id), the teacher's
// 直播 switch and viewer count, the lesson list's broadcasts and the new-lesson flags.

const zhCN = {
  broadcast: {
    role: '直播观众',
    watch: '观看直播',
    watchTitle: '名校网络课堂',
    list: {
      title: '名校网络课堂 · 正在直播',
      empty: '现在没有正在直播的课。',
      teacher: '主讲：{name}',
      classrooms: '互动教室：{list}',
    },
    viewer: {
      waitingTeacher: '等待主讲教师的画面…',
      audioOnly: '仅音频模式：不接收视频。',
      stage: '台上教室：{name}',
      hint: '只读观看：你的摄像头和麦克风不会被使用，其他人看不到你。',
    },
    toggle: {
      label: '直播',
      on: '直播中',
      off: '未开放直播',
      viewers: '{n} 人观看',
      hint: '开启后，教共体内的老师可以只读观看本课（名校网络课堂）。',
    },
    retry: '直播尚未开始，{s} 秒后自动重试…',
    errors: {
      LESSON_NOT_OPEN: '直播尚未开始。',
      BROADCAST_CLOSED: '主讲教师已关闭直播。',
      FORBIDDEN: '这节课没有开放直播，或你的账号不能观看直播。',
      LESSON_ENDED: '这节课已经结束。',
    },
    form: {
      flags: '录制与直播',
      record: '录制（课后自动存入资源库）',
      broadcast: '直播（名校网络课堂：教共体内的老师可只读观看）',
    },
  },
};

const en: typeof zhCN = {
  broadcast: {
    role: 'Viewer',
    watch: 'Watch live',
    watchTitle: 'Live broadcast',
    list: {
      title: 'Broadcast lessons · live now',
      empty: 'No lesson is being broadcast right now.',
      teacher: 'Teacher: {name}',
      classrooms: 'Classrooms: {list}',
    },
    viewer: {
      waitingTeacher: "Waiting for the teacher's video…",
      audioOnly: 'Audio only: no video is received.',
      stage: 'On stage: {name}',
      hint: 'View only: your camera and microphone are not used and nobody sees you.',
    },
    toggle: {
      label: 'Broadcast',
      on: 'Broadcasting',
      off: 'Not broadcast',
      viewers: '{n} watching',
      hint: 'When on, teachers of the community can watch this lesson (view only).',
    },
    retry: 'The broadcast has not started yet; retrying in {s} s…',
    errors: {
      LESSON_NOT_OPEN: 'The broadcast has not started yet.',
      BROADCAST_CLOSED: 'The teacher closed the broadcast.',
      FORBIDDEN: 'This lesson is not broadcast, or your account cannot watch broadcasts.',
      LESSON_ENDED: 'This lesson has ended.',
    },
    form: {
      flags: 'Recording and broadcast',
      record: 'Record (saved to the library after the lesson)',
      broadcast: 'Broadcast (teachers of the community can watch, view only)',
    },
  },
};

export default { 'zh-CN': zhCN, en } satisfies AreaMessages;
