/** The SQL dialects the store runs on; migrations branch on it where SQL differs. */
export type StoreDialect = 'sqlite' | 'postgres'
