/** Floor and rounds: hands (R), the floor, go-rounds and private notes. Depends on media and the session. */
export { FloorProvider, useFloor } from './floor-context';
export { FloorPanel } from './floor-panel';
