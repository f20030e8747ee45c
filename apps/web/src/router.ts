import { createRouter, createWebHistory } from 'vue-router';
import { requireAdmin, requireCommunityAdmin } from './admin/admin.guard';
import { requireSession } from './auth/auth.guard';
import HomePage from './pages/HomePage.vue';
import LessonsPage from './pages/LessonsPage.vue';
import LoginPage from './pages/LoginPage.vue';

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', name: 'home', component: HomePage },
    { path: '/login', name: 'login', component: LoginPage },
    { path: '/lessons', name: 'lessons', component: LessonsPage },
    { path: '/lessons/new', name: 'new-lesson', component: () => import('./pages/NewLessonPage.vue') },
    // A live lesson (mediasoup-client is loaded with this page only); `?as=observer` joins as an observer.
    { path: '/live/:id', name: 'live', component: () => import('./pages/LivePage.vue') },
    // 名校网络课堂: a broadcast lesson, view only (mediasoup-client, like /live).
    { path: '/watch/:id', name: 'watch', component: () => import('./pages/WatchPage.vue') },
    // 网络教研: an online research meeting (live client like /live; every member publishes).
    { path: '/meeting/:id', name: 'meeting', component: () => import('./pages/MeetingPage.vue') },
    // The caller's password, TOTP and sessions; /device pairs a classroom terminal (public).
    { path: '/account', name: 'account', component: () => import('./pages/AccountPage.vue') },
    { path: '/device', name: 'device', component: () => import('./pages/DevicePage.vue') },
    // The timetable (课表) week view and the term editor.
    { path: '/timetable', name: 'timetable', component: () => import('./pages/TimetablePage.vue') },
    { path: '/timetable/terms', name: 'timetable-terms', component: () => import('./pages/TermsPage.vue') },
    // The lesson library (资源库): search, a resource (`?t=<seconds>` starts there), upload, series.
    { path: '/library', name: 'library', component: () => import('./pages/LibraryPage.vue') },
    { path: '/library/upload', name: 'library-upload', component: () => import('./pages/UploadPage.vue') },
    { path: '/library/series/:id', name: 'library-series', component: () => import('./pages/SeriesPage.vue') },
    { path: '/library/:id', name: 'library-resource', component: () => import('./pages/ResourcePage.vue') },
    // 空中云课堂: rebroadcast channels (their live stream and programme guide).
    { path: '/channels', name: 'channels', component: () => import('./pages/ChannelsPage.vue') },
    { path: '/channels/:id', name: 'channel', component: () => import('./pages/ChannelPage.vue') },
    // 教研: my research groups (+ 新建), and one group (members, 师徒结对, plans, activity calendar).
    { path: '/research', name: 'research', component: () => import('./research/groups/ResearchGroupsPage.vue') },
    {
      path: '/research/groups/:id',
      name: 'research-group',
      component: () => import('./research/groups/ResearchGroupPage.vue'),
    },
    // 集体备课: the collaborative lesson plan editor (CodeMirror + Yjs load with this page only).
    { path: '/research/plans/:id', name: 'research-plan', component: () => import('./research/plan/PlanPage.vue') },
    // Research activities (一课双研 / 网络教研): the 新建活动 form (?groupId=) and one activity's timeline.
    {
      path: '/research/activities/new',
      name: 'research-activity-new',
      component: () => import('./research/activities/NewActivityPage.vue'),
    },
    {
      path: '/research/activities/:id',
      name: 'research-activity',
      component: () => import('./research/activities/ActivityPage.vue'),
    },
    // 评课 (score form, timestamped comments), 评课报告 (radar: ECharts loads with these pages only),
    // 同课异构 (?ids=a,b[,c,d]) and the rubrics (课堂教学评价表).
    {
      path: '/research/activities/:id/evaluate',
      name: 'research-evaluate',
      component: () => import('./research/evaluation/EvaluatePage.vue'),
    },
    {
      path: '/research/activities/:id/report',
      name: 'research-report',
      component: () => import('./research/evaluation/ReportPage.vue'),
    },
    {
      path: '/research/compare',
      name: 'research-compare',
      component: () => import('./research/evaluation/ComparePage.vue'),
    },
    {
      path: '/research/rubrics',
      name: 'research-rubrics',
      component: () => import('./research/evaluation/RubricsPage.vue'),
    },
    // Admin pages (admin roles only; the API enforces every rule).
    {
      path: '/admin',
      name: 'admin',
      component: () => import('./pages/admin/AdminOverviewPage.vue'),
      beforeEnter: requireAdmin,
    },
    {
      path: '/admin/schools/:schoolId',
      name: 'admin-school',
      component: () => import('./pages/admin/AdminSchoolPage.vue'),
      beforeEnter: requireAdmin,
    },
    // Bulk import of schools, classrooms, classes and teachers (CSV/XLSX): district/community admins.
    {
      path: '/admin/import',
      name: 'admin-import',
      component: () => import('./pages/ImportPage.vue'),
      beforeEnter: requireCommunityAdmin,
    },
    {
      path: '/admin/audit',
      name: 'admin-audit',
      component: () => import('./pages/admin/AdminAuditPage.vue'),
      beforeEnter: requireCommunityAdmin,
    },
    // 数据看板: delivery, coverage and balance dashboards, and lessons live now (ECharts loads with these only).
    {
      path: '/insight',
      name: 'insight',
      component: () => import('./insight/InsightPage.vue'),
      beforeEnter: requireAdmin,
    },
    {
      path: '/insight/live',
      name: 'insight-live',
      component: () => import('./insight/InsightPage.vue'),
      beforeEnter: requireAdmin,
    },
  ],
});

// Pages other than / and /login need a session (redirect to /login?next=...).
router.beforeEach(requireSession);
