import { schema } from "./json-schema.js";
import { type FunctionToolSpec, functionTool } from "./tool-spec.js";

export const READ_FILE_TOOL_NAME = "read_file";
export const LIST_DIR_TOOL_NAME = "list_dir";
export const GREP_FILES_TOOL_NAME = "grep_files";
export const VIEW_IMAGE_TOOL_NAME = "view_image";

/** Values of read_file's `mode` argument. */
export const READ_FILE_MODES = ["slice", "indentation"] as const;

export function createReadFileTool(): FunctionToolSpec {
  return functionTool(
    READ_FILE_TOOL_NAME,
    "Reads a local file and returns its lines numbered from 1, either as a plain range or as the block around a line.",
    schema.object(
      {
        file_path: schema.string("Absolute path of the file to read."),
        indentation: schema.object({
          anchor_line: schema.number("Line the block is built around; defaults to offset."),
          include_header: schema.boolean("Also include comments or attributes directly above the block."),
          include_siblings: schema.boolean("Also include neighbouring blocks at the anchor's indentation."),
          max_levels: schema.number("How many enclosing indentation levels to include."),
          max_lines: schema.number("Maximum number of lines returned in indentation mode."),
        }),
        limit: schema.number("Maximum number of lines to return."),
        mode: schema.string('"slice" (default) reads a range of lines; "indentation" expands around an anchor line.'),
        offset: schema.number("First line to read, counting from 1."),
      },
      ["file_path"],
    ),
  );
}

export function createListDirTool(): FunctionToolSpec {
  return functionTool(
    LIST_DIR_TOOL_NAME,
    "Lists the entries of a local directory, numbered from 1 and labelled with their type.",
    schema.object(
      {
        depth: schema.number("How many directory levels to descend, at least 1."),
        dir_path: schema.string("Absolute path of the directory to list."),
        limit: schema.number("Maximum number of entries to return."),
        offset: schema.number("Number of the first entry to return, counting from 1."),
      },
      ["dir_path"],
    ),
  );
}

export function createGrepFilesTool(): FunctionToolSpec {
  return functionTool(
    GREP_FILES_TOOL_NAME,
    "Lists the files whose contents match a regular expression, most recently modified first.",
    schema.object(
      {
        include: schema.string('Glob restricting which files are searched, such as "*.ts" or "*.{js,jsx}".'),
        limit: schema.number("Maximum number of file paths to return (100 when omitted)."),
        path: schema.string("File or directory to search; the session's working directory when omitted."),
        pattern: schema.string("Regular expression to search for."),
      },
      ["pattern"],
    ),
  );
}

export interface ViewImageToolOptions {
  /** Offer the `detail` argument (only value `original`), for models that can take full-resolution images. */
  canRequestOriginalDetail?: boolean;
}

export function createViewImageTool(options: ViewImageToolOptions = {}): FunctionToolSpec {
  const properties: Record<string, ReturnType<typeof schema.string>> = {};
  if (options.canRequestOriginalDetail) {
    properties["detail"] = schema.string(
      'Optional: "original" keeps the image at full resolution instead of resizing it. Omit for the default.',
    );
  }
  properties["path"] = schema.string("Path of a local image file.");
  return functionTool(
    VIEW_IMAGE_TOOL_NAME,
    "Attaches a local image file to the conversation. Use it only for a full path the user gave you, and not for " +
      "images already present in the context.",
    schema.object(properties, ["path"]),
  );
}
