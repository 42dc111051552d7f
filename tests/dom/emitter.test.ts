import { describe, expect, it, vi } from 'vitest';
import { Emitter } from '../../renderer/net/emitter';

describe('Emitter (the DOM project runs)', () => {
  it('notifies subscribers until they unsubscribe', () => {
    const emitter = new Emitter<[number]>();
    const seen = vi.fn();
    const off = emitter.subscribe(seen);
    emitter.emit(1);
    off();
    emitter.emit(2);
    expect(seen).toHaveBeenCalledTimes(1);
    expect(seen).toHaveBeenCalledWith(1);
    expect(document.body).toBeInTheDocument();
  });
});
