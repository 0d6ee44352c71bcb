import { Ion } from 'cesium';

/**
 * Import this before anything creates a Cesium object. Cesium loads its workers and assets from
 * CESIUM_BASE_URL, which our Vite plugin serves from node_modules (no CDN), and an empty ion token
 * keeps Cesium from contacting ion.
 */
declare global {
  interface Window {
    CESIUM_BASE_URL?: string;
  }
}
window.CESIUM_BASE_URL = '/cesium/';
Ion.defaultAccessToken = '';
