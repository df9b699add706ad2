/**
 * The floor every app on this stack starts from: react, react-dom, maplibre-gl and the
 * deck.gl packages the app uses, imported whole (the namespaces escape, so nothing is
 * tree-shaken away). Only built and measured, never run.
 */
import * as React from 'react';
import * as ReactDOM from 'react-dom/client';
import * as maplibre from 'maplibre-gl';
import * as deckCore from '@deck.gl/core';
import * as deckLayers from '@deck.gl/layers';
import * as deckMaplibre from '@deck.gl/maplibre';

(window as unknown as { __floor: unknown[] }).__floor = [React, ReactDOM, maplibre, deckCore, deckLayers, deckMaplibre];
