import type { AreaMessages } from '../i18n';

// 网络教研: the online research meeting page (/meeting/:id).

const zhCN = {
  meeting: {
    title: '网络教研',
    roles: { lead: '主持人', member: '教研成员', observer: '旁听' },
    host: '主持人',
    you: '我',
    empty: '等待其他成员加入…',
    cameraOff: '摄像头已关闭',
    muted: '已静音',
    sharing: '共享屏幕中',
    screenBy: '{name} 正在共享屏幕',
    myScreen: '你正在共享屏幕',
    observerHint: '旁听：你的摄像头和麦克风不会被使用，成员们看不到你。',
    controls: {
      mute: '静音',
      unmute: '取消静音',
      cameraOff: '关闭摄像头',
      cameraOn: '开启摄像头',
      share: '共享屏幕',
      stopShare: '停止共享',
      leave: '离开会议',
      end: '结束会议',
      endConfirm: '结束会议后所有成员都将离开，确定结束吗？',
    },
    recorded: '本次会议正在录制，结束后存入资源库',
  },
};

const en: typeof zhCN = {
  meeting: {
    title: 'Online research meeting',
    roles: { lead: 'Host', member: 'Member', observer: 'Observer' },
    host: 'Host',
    you: 'You',
    empty: 'Waiting for other members to join…',
    cameraOff: 'Camera off',
    muted: 'Muted',
    sharing: 'Sharing screen',
    screenBy: '{name} is sharing a screen',
    myScreen: 'You are sharing your screen',
    observerHint: 'Observing: your camera and microphone are not used and members do not see you.',
    controls: {
      mute: 'Mute',
      unmute: 'Unmute',
      cameraOff: 'Stop camera',
      cameraOn: 'Start camera',
      share: 'Share screen',
      stopShare: 'Stop sharing',
      leave: 'Leave',
      end: 'End meeting',
      endConfirm: 'Ending the meeting makes every member leave. End it?',
    },
    recorded: 'This meeting is recorded into the library when it ends',
  },
};

export default { 'zh-CN': zhCN, en } satisfies AreaMessages;
