/**
 * The version of Chorus's CV extraction. It is part of every cached CV result's key: change it
 * whenever an extractor's output can change, so a cache never hands back an older algorithm's palette.
 */
export const CV_VERSION = 'cv-2026-12-04.3';
