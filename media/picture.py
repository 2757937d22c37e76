"""The moving picture of one shot as a filter graph: depth layers moved by the camera,
rack focus, motion blur and animated weather, composited far to near.

Data in, filter graph text out; every number in it was computed here. Sub-pixel motion:
zoompan cuts its window at whole input pixels (and, in 4:2:0, at even ones), so a slow
move judders; the moving layers are enlarged by SUPERSAMPLE and moved in 4:4:4, which
cuts the step to under half an output pixel (measured in tests/media/test_camera_picture.py).
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass
from pathlib import Path

from media.camera import (
    PARALLAX_MOVES,
    STATIC_ZOOM,
    CameraPlan,
    blur_frames,
    num,
    zoompan_for_layer,
)
from media.profile import RenderProfile
from screenplay.model import Move, MoveDirection

SUPERSAMPLE = 1.5  # moving layers are resampled from art this much larger
NEAR_DEPTH = 0.5  # layers at or nearer than this are "near" for a rack focus
_FOCUS_BLUR = 0.01  # out-of-focus blur, as a fraction of the frame height
_FLICKER_STEPS_PER_S = 12
_WHIP_BLUR = 0.02  # motion blur of a whip pan, along it, as a fraction of the frame width
_CRASH_BLUR = 0.006  # of a crash zoom, as a fraction of the frame height


@dataclass(frozen=True)
class LayerSource:
    """One depth plane's art (RGBA PNG of the profile's art size)."""

    path: Path
    depth: float
    role: str


@dataclass(frozen=True)
class EffectSource:
    """A seamless RGBA tile of width x height pixels, scrolled by (dx, dy) frame widths /
    heights per second, wrapping, with an optional flicker of its opacity."""

    path: Path
    width: int
    height: int
    dx_per_s: float = 0.0
    dy_per_s: float = 0.0
    flicker: float = 0.0
    opacity: float = 1.0


@dataclass(frozen=True)
class PictureGraph:
    inputs: list[Path]  # in input order
    chains: list[str]  # filter chains, ";"-joined by the caller
    output: str  # the label of the finished picture (yuv420p)
    next_input: int  # the index the next -i gets


def sources_for(
    background: Path, layers: tuple[LayerSource, ...], camera: CameraPlan
) -> list[LayerSource]:
    """The layers to move separately, or the flattened art when every depth moves alike."""
    if layers and camera.move in PARALLAX_MOVES:
        return sorted(layers, key=lambda layer: layer.depth)
    return [LayerSource(background, 0.0, "far")]


def _even(value: float) -> int:
    return max(2, round(value / 2) * 2)


def _loop(frames: int, fps: int) -> str:
    return f"loop=loop={frames - 1}:size=1,setpts=N/{fps}/TB"


def _still(profile: RenderProfile, zoom: float) -> str:
    """A window that never moves: cut and scaled once, then repeated (no resampling)."""
    art_w, art_h = profile.art_size
    w, h = _even(art_w / zoom), _even(art_h / zoom)
    return (
        f"crop={w}:{h}:{(art_w - w) // 2}:{(art_h - h) // 2},"
        f"scale={profile.width}:{profile.height}:flags=bicubic"
    )


def _moving(
    camera: CameraPlan, frames: int, layer: LayerSource, profile: RenderProfile, work: str
) -> str:
    """Enlarge (in RGB: swscale's 4:4:4 path measured a third less smooth), then move."""
    art_w, art_h = profile.art_size
    scale = 1.0 if blur_frames(camera, frames) else SUPERSAMPLE
    zoom = zoompan_for_layer(camera, frames, layer.depth, subject=layer.role == "figures")
    enlarge = f"scale={_even(art_w * scale)}:{_even(art_h * scale)}:flags=bicubic,"
    return (
        (enlarge if scale != 1.0 else "")
        + f"format={work},zoompan=z='{zoom.z}':x='{zoom.x}':y='{zoom.y}'"
        f":d={frames}:s={profile.width}x{profile.height}:fps={profile.fps}"
    )


def _focus_chains(
    index: int, layer: LayerSource, base: bool, camera: CameraPlan, frames: int,
    profile: RenderProfile,
) -> tuple[list[str], list[str]]:  # fmt: skip
    """A rack focus: each layer drawn sharp and blurred, one fading into the other while
    focus travels from near to far (direction "in": from far to near)."""
    seconds = frames / profile.fps
    start, length = seconds * 0.3, seconds * 0.4
    toward_near = camera.direction is MoveDirection.IN
    near = layer.depth >= NEAR_DEPTH
    sharp_at_end = near == toward_near
    sigma = num(profile.height * _FOCUS_BLUR)
    src, sharp, soft = f"s{index}", f"s{index}s", f"s{index}b"
    fade_sharp = "in" if sharp_at_end else "out"
    fade_soft = "out" if sharp_at_end else "in"
    timing = f"st={num(start)}:d={num(length)}:alpha=1"
    chains = [
        f"[{index}:v]format=yuva444p,{_still(profile, STATIC_ZOOM)},split[{src}a][{src}c]",
        f"[{src}a]{_loop(frames, profile.fps)},format=yuva420p,"
        f"fade=t={fade_sharp}:{timing}[{sharp}]",
    ]
    if base:  # the far plane is opaque: its blurred self is the ground the sharp one fades on
        chains.append(
            f"[{src}c]gblur=sigma={sigma},{_loop(frames, profile.fps)},format=yuv420p[{soft}]"
        )
        chains.append(f"[{soft}][{sharp}]overlay=0:0:format=yuv420[p{index}]")
        return chains, [f"p{index}"]
    chains.append(
        f"[{src}c]gblur=sigma={sigma},{_loop(frames, profile.fps)},format=yuva420p,"
        f"fade=t={fade_soft}:{timing}[{soft}]"
    )
    return chains, [soft, sharp]


def _layer_chains(
    index: int, layer: LayerSource, base: bool, camera: CameraPlan, frames: int,
    profile: RenderProfile,
) -> tuple[list[str], list[str]]:  # fmt: skip
    """Chains that turn input `index` into moved frames; the labels to composite, in order."""
    if camera.move is Move.RACK_FOCUS:
        return _focus_chains(index, layer, base, camera, frames, profile)
    work = "yuv444p" if base else "yuva444p"
    final = "yuv420p" if base else "yuva420p"
    if camera.moving:
        body = _moving(camera, frames, layer, profile, work)
    else:
        body = f"format={work},{_still(profile, STATIC_ZOOM)},{_loop(frames, profile.fps)}"
    return [f"[{index}:v]{body},format={final}[p{index}]"], [f"p{index}"]


def _effect_chain(
    index: int, number: int, effect: EffectSource, frames: int, profile: RenderProfile
) -> str:
    """A texture tiled to cover the frame, scrolled with wrap-around, its opacity set and
    (for flicker) varied by a seeded sequence of numbers sent as commands."""
    across = max(1, math.ceil(profile.width / effect.width))
    down = max(1, math.ceil(profile.height / effect.height))
    mosaic_w, mosaic_h = across * effect.width, down * effect.height
    fps = profile.fps
    # scroll's speeds are fractions of the mosaic per frame; positive moves content left/up.
    h = -effect.dx_per_s * profile.width / mosaic_w / fps
    v = -effect.dy_per_s * profile.height / mosaic_h / fps
    h, v = (max(-1.0, min(1.0, s)) for s in (h, v))
    name = f"colorchannelmixer@fx{number}"
    opacity = max(0.0, min(1.0, effect.opacity))
    steps = ["format=rgba"]
    if across * down > 1:
        steps.append(f"loop=loop={across * down - 1}:size=1,tile={across}x{down}")
    steps.append(_loop(frames, fps))
    if h or v:
        steps.append(f"scroll=h={num(h)}:v={num(v)}")
    steps.append(f"crop={profile.width}:{profile.height}:0:0")
    if effect.flicker > 0:
        steps.append(f"sendcmd=c='{_flicker_commands(name, effect, frames / fps, number)}'")
    steps.append(f"{name}=aa={num(opacity)},format=yuva420p")
    return f"[{index}:v]" + ",".join(steps) + f"[fx{number}]"


def _flicker_commands(name: str, effect: EffectSource, seconds: float, number: int) -> str:
    """Opacity steps that never repeat: a hash of the step number, smoothed over two steps."""
    count = max(1, math.ceil(seconds * _FLICKER_STEPS_PER_S))
    noise = [zlib.crc32(f"{number}:{step}".encode()) / 0xFFFFFFFF for step in range(count + 1)]
    opacity = max(0.0, min(1.0, effect.opacity))
    commands = []
    for step in range(count):
        wobble = (noise[step] + noise[step + 1]) / 2
        value = opacity * (1 - effect.flicker * wobble)
        commands.append(f"{num(step / _FLICKER_STEPS_PER_S)} {name} aa {num(value)}")
    return ";".join(commands)


def picture_graph(
    background: Path,
    layers: tuple[LayerSource, ...],
    effects: tuple[EffectSource, ...],
    camera: CameraPlan,
    frames: int,
    profile: RenderProfile,
    first_input: int = 0,
) -> PictureGraph:
    sources = sources_for(background, layers, camera)
    chains: list[str] = []
    labels: list[str] = []
    for offset, layer in enumerate(sources):
        layer_chains, layer_labels = _layer_chains(
            first_input + offset, layer, offset == 0, camera, frames, profile
        )
        chains += layer_chains
        labels += layer_labels
    current = labels[0]
    for step, label in enumerate(labels[1:], start=1):
        chains.append(f"[{current}][{label}]overlay=0:0:format=yuv420[c{step}]")
        current = f"c{step}"
    rush = blur_frames(camera, frames)
    if rush is not None:  # a whip or crash zoom smears while it rushes (tmix, tried first,
        # laid sharp copies over each other and dropped a frame when enabled per frame)
        if camera.move is Move.WHIP_PAN:
            sigma = f"sigma={num(profile.width * _WHIP_BLUR)}:sigmaV=0.01"
        else:
            sigma = f"sigma={num(profile.height * _CRASH_BLUR)}"
        chains.append(f"[{current}]gblur={sigma}:enable='between(n,{rush[0]},{rush[1]})'[mb]")
        current = "mb"
    inputs = [layer.path for layer in sources]
    next_input = first_input + len(sources)
    for number, effect in enumerate(effects):
        chains.append(_effect_chain(next_input, number, effect, frames, profile))
        chains.append(f"[{current}][fx{number}]overlay=0:0:format=yuv420[e{number}]")
        current = f"e{number}"
        inputs.append(effect.path)
        next_input += 1
    return PictureGraph(inputs, chains, current, next_input)


def seed_for(shot_id: str) -> int:
    """The handheld shake's seed: stable for a shot across workers and runs."""
    return zlib.crc32(f"camera:{shot_id}".encode())
