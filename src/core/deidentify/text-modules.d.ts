// Plain-text word lists that esbuild bundles as strings (see the '.txt' loader in esbuild.js).
declare module '*.txt' {
  const text: string;
  export default text;
}
