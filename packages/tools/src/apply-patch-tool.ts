import { schema } from "./json-schema.js";
import { type FreeformToolSpec, type FunctionToolSpec, functionTool } from "./tool-spec.js";

export const APPLY_PATCH_TOOL_NAME = "apply_patch";

/**
 * Lark grammar for the patch envelope, sent as the freeform tool's format so the model's output is
 * constrained to a well-formed patch. It describes the same format the apply-patch parser accepts.
 */
export const APPLY_PATCH_LARK_GRAMMAR = `start: begin operation+ end
begin: "*** Begin Patch" LF
end: "*** End Patch" LF?

operation: add_file | delete_file | update_file
add_file: "*** Add File: " path LF added_line+
delete_file: "*** Delete File: " path LF
update_file: "*** Update File: " path LF move_to? hunks?
move_to: "*** Move to: " path LF

path: /(.+)/
added_line: "+" /(.*)/ LF

hunks: (hunk_header | hunk_line)+ end_of_file?
hunk_header: ("@@" | "@@ " /(.+)/) LF
hunk_line: (" " | "-" | "+") /(.*)/ LF
end_of_file: "*** End of File" LF

%import common.LF
`;

const FORMAT_GUIDE = `Edits files with a patch in a simple file-oriented diff format.

A patch is wrapped in an envelope:

*** Begin Patch
[one or more file operations]
*** End Patch

Each file operation starts with a header:

*** Add File: <path>      create a file; every following line starts with "+" and is file content
*** Delete File: <path>   delete a file; nothing follows
*** Update File: <path>   change a file in place, optionally followed by
*** Move to: <new path>   to rename it

An update holds one or more hunks. A hunk starts with "@@", optionally followed by a line that locates it
(a class or function signature, for example); repeat "@@ <line>" to narrow the location further. Inside a
hunk every line starts with one character:
" " (space) an unchanged context line, "-" a removed line, "+" an added line.
Show about three lines of context before and after each change, and do not repeat context lines that
an earlier hunk already showed. "*** End of File" after a hunk anchors it at the end of the file.

Example:

*** Begin Patch
*** Add File: docs/notes.txt
+first line
*** Update File: src/app.py
*** Move to: src/main.py
@@ def greet():
-    print("Hi")
+    print("Hello")
*** Delete File: old.txt
*** End Patch

Rules: always include a header for each operation, prefix every new line with "+" (also in added files),
and use relative paths only, never absolute ones.`;

/** The freeform (custom tool) form: the model writes the raw patch, constrained by the Lark grammar. */
export function createApplyPatchFreeformTool(): FreeformToolSpec {
  return {
    type: "custom",
    name: APPLY_PATCH_TOOL_NAME,
    description: "Edits files by applying a patch. This is a freeform tool: send the raw patch text, not JSON.",
    format: { type: "grammar", syntax: "lark", definition: APPLY_PATCH_LARK_GRAMMAR },
  };
}

/** The JSON function form: the patch text goes in the `input` argument. */
export function createApplyPatchFunctionTool(): FunctionToolSpec {
  return functionTool(
    APPLY_PATCH_TOOL_NAME,
    FORMAT_GUIDE,
    schema.object({ input: schema.string("The whole patch, from *** Begin Patch to *** End Patch.") }, ["input"]),
  );
}
