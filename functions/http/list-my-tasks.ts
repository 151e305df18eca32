import { openTasks } from '#application/open-tasks.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { route } from './routes.ts';
import { taskView } from './task-view.ts';

export const handler = http(route('GET /me/tasks'), async ({ caller }) => {
  const tasks = await openTasks(caller, adapters().store, new Date());
  return { status: 200, body: { items: tasks.map(taskView) } };
});
