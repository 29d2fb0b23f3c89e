import { describe, expect, it } from 'vitest';
import { TypeAhead } from '../../src-renderer/app/typeAhead';

const k = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('keys typed after Ctrl+K before the search box exists', () => {
  it('keeps nothing until Ctrl+K starts it', () => {
    const t = new TypeAhead();
    expect(t.key(k('9'))).toBe(false);
    expect(t.peek()).toEqual({ text: '', enter: false });
  });

  it('keeps digits, spaces, Cyrillic and Backspace; ignores named keys and shortcuts', () => {
    const t = new TypeAhead();
    t.start();
    for (const key of ['9', '1', '6', ' ', '7', 'Shift', 'ж', 'Backspace', '7']) t.key(k(key));
    expect(t.key(k('c', { ctrlKey: true }))).toBe(false);
    expect(t.key(k('ArrowDown'))).toBe(false);
    expect(t.peek().text).toBe('916 77');
  });

  it('peek leaves the capture running (a second render sees the same); finish hands over and stops', () => {
    const t = new TypeAhead();
    t.start();
    t.key(k('4'));
    expect(t.peek()).toEqual(t.peek());
    t.key(k('2'));
    expect(t.finish()).toEqual({ text: '42', enter: false });
    expect(t.capturing).toBe(false);
    expect(t.key(k('5'))).toBe(false);
  });

  it('Enter after text asks to open the first match; Enter on nothing does not; Esc drops it all', () => {
    const t = new TypeAhead();
    t.start();
    t.key(k('Enter'));
    expect(t.peek().enter).toBe(false);
    t.key(k('7'));
    t.key(k('Enter'));
    expect(t.peek()).toEqual({ text: '7', enter: true });
    expect(t.key(k('Escape'))).toBe(false);
    expect(t.capturing).toBe(false);
    expect(t.finish()).toEqual({ text: '', enter: false });
  });

  it('Backspace removes a whole emoji or astral letter, not half of it', () => {
    const t = new TypeAhead();
    t.start();
    t.key(k('a'));
    t.key(k('𝔸'));
    t.key(k('Backspace'));
    expect(t.peek().text).toBe('a');
  });
});
