// Keys typed between Ctrl+K and the moment the search box exists (the app still
// starting after a reload, the dialog still mounting on a slow PC) are kept here and
// handed to the box, so a phone number typed at once is never lost and never lands on
// the dialog's × (Space or Enter there would close it).

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export interface Typed {
  text: string;
  /** Enter was pressed before the box existed: open the first match once it is known. */
  enter: boolean;
}

export class TypeAhead {
  private active = false;
  private text = '';
  private enter = false;

  /** Ctrl+K was pressed: keep what is typed from now on. */
  start(): void {
    this.active = true;
    this.text = '';
    this.enter = false;
  }

  /** Takes a key while active; true when it was taken (the caller stops it going elsewhere). */
  key(k: KeyLike): boolean {
    if (!this.active || k.ctrlKey || k.metaKey || k.altKey) return false;
    if (k.key === 'Escape') {
      this.cancel();
      return false;
    }
    if (k.key === 'Backspace') {
      this.text = [...this.text].slice(0, -1).join('');
      return true;
    }
    if (k.key === 'Enter') {
      this.enter = this.text.trim() !== '';
      return true;
    }
    // Printable keys are one character (one code point); 'Shift', 'ArrowDown' … are names.
    if ([...k.key].length === 1) {
      this.text += k.key;
      return true;
    }
    return false;
  }

  /** What was typed so far, without ending the capture (React may render twice). */
  peek(): Typed {
    return { text: this.text, enter: this.enter };
  }

  /** The box exists and has the focus: stop keeping keys and hand over everything typed. */
  finish(): Typed {
    const typed = this.peek();
    this.cancel();
    return typed;
  }

  cancel(): void {
    this.active = false;
    this.text = '';
    this.enter = false;
  }

  get capturing(): boolean {
    return this.active;
  }
}

export const searchTypeAhead = new TypeAhead();
