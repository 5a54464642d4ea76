/** Where a project keeps the files the tool manages, and their merge bases. */

/** Folder holding the last generated version of each managed file: the base of three-way merges. */
export const BASE_DIR = '.slim-python/generated';

/** The files `update` keeps in step with the config and requirements. */
export const MANAGED_FILES = ['Dockerfile', '.dockerignore'] as const;

/** The last generated Dockerfile's package lists, as data (src/plan/packages-record.ts). */
export const PACKAGES_RECORD = `${BASE_DIR}/packages.json`;
