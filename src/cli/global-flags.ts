/** The flags every command shares, given before the command's name. */
export interface GlobalFlags {
  /** The config file (`-c`, `REVSYNC_CONFIG`, default `revsync.yaml`). */
  readonly config: string
  /** `--log`: JSON log lines on stderr. */
  readonly log?: boolean
}
