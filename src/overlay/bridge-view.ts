import { FirstPersonController, View, Viewport } from '@deck.gl/core';

/**
 * A deck.gl view whose viewport is the base `Viewport` fed with the bridge's matrices as they
 * are: no Web Mercator, no controller (Cesium owns the camera). `focalDistance` and `zoom` come
 * along in the view state so deck's pixel-sized symbols keep their size.
 */
export class BridgeView extends View {
  static displayName = 'BridgeView';

  getViewportType() {
    return Viewport;
  }

  // Required by the base class; never used because `controller` stays off.
  protected get ControllerType() {
    return FirstPersonController;
  }
}
