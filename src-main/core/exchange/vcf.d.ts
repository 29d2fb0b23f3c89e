// Minimal typings for the parts of the `vcf` package (no bundled types) we use.
declare module 'vcf' {
  class Property {
    constructor(field: string, value: string, params?: Record<string, string | string[]>);
    valueOf(): string;
    type?: string | string[];
  }
  class vCard {
    static parse(text: string): vCard[];
    static Property: typeof Property;
    version: string;
    get(key: string): Property | Property[] | undefined;
    set(key: string, value: string, params?: Record<string, string | string[]>): vCard;
    add(key: string, value: string, params?: Record<string, string | string[]>): vCard;
    toString(version?: string): string;
  }
  export = vCard;
}
