// Minimal types for mvdan-sh 0.10.1 (GopherJS build of https://github.com/mvdan/sh's syntax
// package, which ships no declarations): only what test/support/shell-commands.ts uses.
declare module 'mvdan-sh' {
  export interface ShPos {
    Offset(): number;
  }
  export interface ShNode {
    Pos(): ShPos;
    End(): ShPos;
    [field: string]: unknown;
  }
  export interface ShSyntax {
    NewParser(...options: unknown[]): { Parse(src: string, name: string): ShNode };
    Variant(variant: unknown): unknown;
    LangPOSIX: unknown;
    Walk(node: ShNode, visit: (node: ShNode | null) => boolean): void;
    NodeType(node: ShNode): string;
  }
  const sh: { syntax: ShSyntax };
  export default sh;
}
