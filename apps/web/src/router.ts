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
  ],
});

// Pages other than / and /login need a session (redirect to /login?next=...).
router.beforeEach(requireSession);
