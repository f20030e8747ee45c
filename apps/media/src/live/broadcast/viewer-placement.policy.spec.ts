import { placeViewer } from './viewer-placement.policy';

const workers = (...consumers: number[]) => consumers.map((c, index) => ({ index, consumers: c }));

describe(placeViewer.name, () => {
  it('opens the first viewer router on the least-loaded worker', () => {
    expect(placeViewer([], workers(12, 3), 4, 20)).toEqual({ newRouterOn: 1, overBudget: false });
    expect(placeViewer([], workers(5, 5), 4, 20)).toEqual({ newRouterOn: 0, overBudget: false });
  });

  it('keeps filling a viewer router while its worker has room for the viewer', () => {
    const routers = [{ id: 'r1', worker: 1 }];
    expect(placeViewer(routers, workers(0, 16), 4, 20)).toEqual({ router: 'r1', overBudget: false });
  });

  it('pipes to another worker once the router’s worker would exceed its budget', () => {
    const routers = [{ id: 'r1', worker: 1 }];
    expect(placeViewer(routers, workers(10, 17), 4, 20)).toEqual({ newRouterOn: 0, overBudget: false });
  });

  it('uses a second router with room before opening a third', () => {
    const routers = [
      { id: 'r1', worker: 1 },
      { id: 'r2', worker: 0 },
    ];
    expect(placeViewer(routers, workers(12, 20), 4, 20)).toEqual({ router: 'r2', overBudget: false });
  });

  it('exceeds the budget on the least-loaded worker when every worker is full, reusing its router', () => {
    const routers = [
      { id: 'r1', worker: 1 },
      { id: 'r2', worker: 0 },
    ];
    expect(placeViewer(routers, workers(21, 19), 4, 20)).toEqual({ router: 'r1', overBudget: true });
    expect(placeViewer([{ id: 'r1', worker: 1 }], workers(19, 25), 4, 20)).toEqual({
      newRouterOn: 0,
      overBudget: true,
    });
  });

  it('ignores routers on workers that no longer run, and answers null without workers', () => {
    expect(placeViewer([{ id: 'r1', worker: 2 }], workers(0, 0), 4, 20)).toEqual({
      newRouterOn: 0,
      overBudget: false,
    });
    expect(placeViewer([{ id: 'r1', worker: 0 }], [], 4, 20)).toBeNull();
  });
});
