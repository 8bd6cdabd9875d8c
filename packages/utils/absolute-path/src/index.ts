export {
  type AbsolutePath,
  NotAbsolutePathError,
  absolutePath,
  isAbsolutePath,
  joinAbsolutePath,
  parentOf,
  resolveAbsolutePath,
} from "./absolute-path.js";
