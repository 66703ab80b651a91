// esbuild's `.css: text` loader (scripts/build.mjs) imports a stylesheet as its source text.
declare module '*.css' {
  const text: string;
  export default text;
}
