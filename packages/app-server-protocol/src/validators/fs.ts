// Validators of the `fs/*` methods and `fs/changed`.
import { z } from "zod";
import type {
  FsChangedNotification,
  FsCopyParams,
  FsCopyResponse,
  FsCreateDirectoryParams,
  FsCreateDirectoryResponse,
  FsGetMetadataParams,
  FsGetMetadataResponse,
  FsReadDirectoryEntry,
  FsReadDirectoryParams,
  FsReadDirectoryResponse,
  FsReadFileParams,
  FsReadFileResponse,
  FsRemoveParams,
  FsRemoveResponse,
  FsUnwatchParams,
  FsUnwatchResponse,
  FsWatchParams,
  FsWatchResponse,
  FsWriteFileParams,
  FsWriteFileResponse,
} from "../wire/index.js";
import { absolutePath, exact, int64, nullish } from "./exact.js";

const pathOnly = z.object({ path: absolutePath });

export const fsReadFileParamsSchema = exact<FsReadFileParams>()(pathOnly);
export const fsReadFileResponseSchema = exact<FsReadFileResponse>()(z.object({ dataBase64: z.string() }));

export const fsWriteFileParamsSchema = exact<FsWriteFileParams>()(z.object({ path: absolutePath, dataBase64: z.string() }));
export const fsWriteFileResponseSchema = exact<FsWriteFileResponse>()(z.object({}));

export const fsCreateDirectoryParamsSchema = exact<FsCreateDirectoryParams>()(
  z.object({ path: absolutePath, recursive: nullish(z.boolean()) }),
);
export const fsCreateDirectoryResponseSchema = exact<FsCreateDirectoryResponse>()(z.object({}));

export const fsGetMetadataParamsSchema = exact<FsGetMetadataParams>()(pathOnly);
export const fsGetMetadataResponseSchema = exact<FsGetMetadataResponse>()(
  z.object({
    isDirectory: z.boolean(),
    isFile: z.boolean(),
    isSymlink: z.boolean(),
    createdAtMs: int64,
    modifiedAtMs: int64,
  }),
);

export const fsReadDirectoryParamsSchema = exact<FsReadDirectoryParams>()(pathOnly);
export const fsReadDirectoryEntrySchema = exact<FsReadDirectoryEntry>()(
  z.object({ fileName: z.string(), isDirectory: z.boolean(), isFile: z.boolean() }),
);
export const fsReadDirectoryResponseSchema = exact<FsReadDirectoryResponse>()(
  z.object({ entries: z.array(fsReadDirectoryEntrySchema) }),
);

export const fsRemoveParamsSchema = exact<FsRemoveParams>()(
  z.object({ path: absolutePath, recursive: nullish(z.boolean()), force: nullish(z.boolean()) }),
);
export const fsRemoveResponseSchema = exact<FsRemoveResponse>()(z.object({}));

export const fsCopyParamsSchema = exact<FsCopyParams>()(
  z.object({ sourcePath: absolutePath, destinationPath: absolutePath, recursive: z.boolean().optional() }),
);
export const fsCopyResponseSchema = exact<FsCopyResponse>()(z.object({}));

export const fsWatchParamsSchema = exact<FsWatchParams>()(z.object({ watchId: z.string(), path: absolutePath }));
export const fsWatchResponseSchema = exact<FsWatchResponse>()(pathOnly);

export const fsUnwatchParamsSchema = exact<FsUnwatchParams>()(z.object({ watchId: z.string() }));
export const fsUnwatchResponseSchema = exact<FsUnwatchResponse>()(z.object({}));

export const fsChangedNotificationSchema = exact<FsChangedNotification>()(
  z.object({ watchId: z.string(), changedPaths: z.array(absolutePath) }),
);
