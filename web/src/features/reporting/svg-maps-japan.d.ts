// Types for `@svg-maps/japan` (CC BY 4.0), which ships none: the map to pass to outlinesFromSvgMap once it is installed.
// It is not a dependency yet; nothing imports it until then.
declare module '@svg-maps/japan' {
  const japan: {
    label: string;
    viewBox: string;
    locations: { name: string; id: string; path: string }[];
  };
  export default japan;
}
