import { createRouter, createWebHistory } from 'vue-router';
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
  ],
});

// Pages other than / and /login need a session (redirect to /login?next=...).
router.beforeEach(requireSession);
