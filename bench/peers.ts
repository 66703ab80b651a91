import type { Peer } from './peer.ts';
import { colorthiefPeer } from './peers/colorthief.ts';
import { extractColorsPeer } from './peers/extract-colors.ts';
import { materialCelebi128Peer, materialCelebiPeer, materialScorePeer } from './peers/material-celebi.ts';
import { nodeVibrantPeer } from './peers/node-vibrant.ts';

/** The open-source extractors Chorus is measured against, in report order. */
export const PEERS: readonly Peer[] = [extractColorsPeer, nodeVibrantPeer, colorthiefPeer, materialCelebiPeer, materialCelebi128Peer, materialScorePeer];
