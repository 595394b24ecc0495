/**
 * The one keyring the tests use (integration tests, the end-to-end database and its app server).
 * Public by design: it only ever encrypts throwaway test data, never the demo or a real database.
 */
export const TEST_ENCRYPTION_KEYS = "test-key-1:4Fw3ducbplflbZtwhE1tuzT+CwsWLli6F8NrAdc8V3Q=";
