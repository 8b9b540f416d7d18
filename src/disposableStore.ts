import type { Disposable } from './tasks/events';

/**
 * The one way this extension holds what it must dispose: add as you go,
 * dispose once, in the order added. Disposing twice does nothing, and
 * something added after disposal is disposed at once, so a subscription
 * made late (after an await, say) cannot outlive its owner. One item that
 * throws does not keep the others alive: all are disposed, then the first
 * error is thrown.
 */
export class DisposableStore implements Disposable {
  private readonly items: Disposable[] = [];
  private disposed = false;

  add<T extends Disposable>(item: T): T {
    if (this.disposed) {
      item.dispose();
    } else {
      this.items.push(item);
    }
    return item;
  }

  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    const errors: unknown[] = [];
    for (const item of this.items.splice(0)) {
      try {
        item.dispose();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) {
      throw errors[0];
    }
  }
}
