/**
 * Generates a tiny BERT-like feature-extraction model that Transformers.js can load offline,
 * so tests exercise the real pipeline (tokenizer, ONNX Runtime session, pooling) in milliseconds.
 *
 * Usage: npx tsx scripts/make-tiny-model.ts [outDir]   (default: test/fixtures/tiny-model)
 *
 * The output is deterministic: a seeded PRNG fills the weights and every file is serialised in a
 * fixed order, so re-running the script reproduces the committed fixture byte for byte.
 * Graph: last_hidden_state = tanh(word[input_ids] + type[token_type_ids] + position[0..seq))
 *        * attention_mask. Position embeddings only cover `MAX_LENGTH` positions, so an input
 *        that was not truncated makes ONNX Runtime fail — the fixture checks truncation for real.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import onnxProto from "onnx-proto";
import { prng } from "../lib/utils/prng";

const { onnx } = onnxProto;

/** Width of the hidden state (the embedding dimension). */
export const TINY_HIDDEN_SIZE = 32;
/** Maximum sequence length, special tokens included. */
export const TINY_MAX_LENGTH = 64;
const SEED = 20240611;

const SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"];
const PUNCTUATION = [..."!\"#$%&'()*+,-./:;<=>?@[]_"];
const DIGITS = [..."0123456789"];
const LETTERS = [..."abcdefghijklmnopqrstuvwxyz"];
// Common words of IOM press releases (English, French, Spanish; accents are stripped by the normaliser).
const WORDS = `the a an of to in and or for on at by with from as is are was were be been has have
had it its this that these those not no but which who said says will would can could more than
about after before over into during between against per new also all other most their they we
he she his her our you i what when where how why year years day days week month people million
thousand percent number total data report press release news today yesterday query passage
iom oim un united nations migration migrant migrants migrate refugee refugees asylum displaced
displacement idp idps border borders route routes journey sea mediterranean boat boats dead death
deaths died missing rescue rescued survivors shipwreck smuggling smugglers trafficking victims
human rights protection assistance humanitarian aid support emergency crisis response relief
shelter food water health medical camp camps host community communities return returns returned
voluntary reintegration resettlement labour labor workers work employment remittances climate
disaster flood floods drought earthquake storm conflict war violence security peace government
governments country countries region regional national international global world africa
europe asia america americas middle east libya sudan yemen syria afghanistan ukraine haiti
venezuela mexico italy greece spain bangladesh myanmar rohingya ethiopia somalia niger chad
director general spokesperson funding appeal fund funds partners partner programme program
children women families family men young youth girls boys city town village camp
de la le les des du et en un une pour par dans sur au aux avec est sont qui que plus migrants
personnes pays ont ete selon mer morts disparus aide retour el los las del por con para una
personas paises segun ayuda retorno`;

/** The WordPiece vocabulary: specials, characters, continuation characters, then whole words. */
export function buildVocab(): string[] {
  const words = WORDS.split(/\s+/).filter((w) => w.length > 1);
  const pieces = [
    ...SPECIAL_TOKENS,
    ...PUNCTUATION,
    ...DIGITS,
    ...LETTERS,
    ...[...DIGITS, ...LETTERS].map((c) => `##${c}`),
    ...words,
  ];
  return [...new Set(pieces)];
}

/** A float32 initializer of shape [rows, cols] with values in [-scale, scale] (little-endian). */
function floatTensor(opts: { name: string; rows: number; cols: number; next: () => number; scale: (row: number) => number }) {
  const { name, rows, cols, next, scale } = opts;
  const view = new DataView(new ArrayBuffer(rows * cols * 4));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) view.setFloat32((r * cols + c) * 4, (next() * 2 - 1) * scale(r), true);
  }
  return { name, dims: [rows, cols], dataType: onnx.TensorProto.DataType.FLOAT, rawData: new Uint8Array(view.buffer) };
}

function int64Tensor(name: string, values: number[], dims: number[]) {
  const view = new DataView(new ArrayBuffer(values.length * 8));
  values.forEach((v, i) => view.setBigInt64(i * 8, BigInt(v), true));
  return { name, dims, dataType: onnx.TensorProto.DataType.INT64, rawData: new Uint8Array(view.buffer) };
}

function tensorValue(name: string, elemType: number, dims: string[]) {
  return { name, type: { tensorType: { elemType, shape: { dim: dims.map((dimParam) => ({ dimParam })) } } } };
}

function intAttribute(name: string, value: number) {
  return { name, type: onnx.AttributeProto.AttributeType.INT, i: value };
}

function node(opType: string, input: string[], output: string[], attribute: object[] = []) {
  return { opType, input, output, name: output[0], attribute };
}

/** Serialises the ONNX graph (fp32; also used as the "quantized" file so the q8 code path loads). */
export function buildModelBytes(vocabSize: number): Uint8Array {
  const next = prng(SEED);
  const special = new Set(SPECIAL_TOKENS.map((_, i) => i));
  const initializer = [
    // Special tokens get small vectors so [CLS]/[SEP] do not dominate the mean of short texts.
    floatTensor({ name: "word_embeddings", rows: vocabSize, cols: TINY_HIDDEN_SIZE, next, scale: (r) => (special.has(r) ? 0.1 : 1) }),
    floatTensor({ name: "token_type_embeddings", rows: 2, cols: TINY_HIDDEN_SIZE, next, scale: () => 0.05 }),
    floatTensor({ name: "position_embeddings", rows: TINY_MAX_LENGTH, cols: TINY_HIDDEN_SIZE, next, scale: () => 0.1 }),
    int64Tensor("zero", [0], []),
    int64Tensor("one", [1], []),
    int64Tensor("last_axis", [-1], [1]),
  ];
  const INT64 = onnx.TensorProto.DataType.INT64;
  const FLOAT = onnx.TensorProto.DataType.FLOAT;
  const graph = {
    name: "tiny_bert",
    node: [
      node("Gather", ["word_embeddings", "input_ids"], ["words"], [intAttribute("axis", 0)]),
      node("Gather", ["token_type_embeddings", "token_type_ids"], ["types"], [intAttribute("axis", 0)]),
      node("Shape", ["input_ids"], ["input_shape"]),
      node("Gather", ["input_shape", "one"], ["seq_len"], [intAttribute("axis", 0)]),
      node("Range", ["zero", "seq_len", "one"], ["position_ids"]),
      node("Gather", ["position_embeddings", "position_ids"], ["positions"], [intAttribute("axis", 0)]),
      node("Add", ["words", "types"], ["words_types"]),
      node("Add", ["words_types", "positions"], ["summed"]),
      node("Tanh", ["summed"], ["hidden"]),
      node("Cast", ["attention_mask"], ["mask_float"], [intAttribute("to", FLOAT)]),
      node("Unsqueeze", ["mask_float", "last_axis"], ["mask_3d"]),
      node("Mul", ["hidden", "mask_3d"], ["last_hidden_state"]),
    ],
    initializer,
    input: ["input_ids", "attention_mask", "token_type_ids"].map((n) =>
      tensorValue(n, INT64, ["batch_size", "sequence_length"]),
    ),
    output: [tensorValue("last_hidden_state", FLOAT, ["batch_size", "sequence_length", "hidden_size"])],
  };
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: "make-tiny-model",
    opsetImport: [{ domain: "", version: 14 }],
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}

/** HF `tokenizers` JSON for an uncased, accent-stripping BERT WordPiece tokenizer. */
export function buildTokenizerJson(vocab: string[]): object {
  const id = (token: string) => vocab.indexOf(token);
  const specialToken = (t: string) => ({ id: t, type_id: 0 });
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content) => ({
      id: id(content),
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: { type: "BertNormalizer", clean_text: true, handle_chinese_chars: true, strip_accents: true, lowercase: true },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: {
      type: "TemplateProcessing",
      single: [{ SpecialToken: specialToken("[CLS]") }, { Sequence: { id: "A", type_id: 0 } }, { SpecialToken: specialToken("[SEP]") }],
      pair: [
        { SpecialToken: specialToken("[CLS]") },
        { Sequence: { id: "A", type_id: 0 } },
        { SpecialToken: specialToken("[SEP]") },
        { Sequence: { id: "B", type_id: 1 } },
        { SpecialToken: { id: "[SEP]", type_id: 1 } },
      ],
      special_tokens: Object.fromEntries(
        ["[CLS]", "[SEP]"].map((t) => [t, { id: t, ids: [id(t)], tokens: [t] }]),
      ),
    },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: {
      type: "WordPiece",
      unk_token: "[UNK]",
      continuing_subword_prefix: "##",
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab.map((token, i) => [token, i])),
    },
  };
}

/** Every fixture file, keyed by its path relative to the model folder. */
export function buildTinyModelFiles(): Map<string, Uint8Array> {
  const vocab = buildVocab();
  const json = (value: object) => new TextEncoder().encode(`${JSON.stringify(value, null, 1)}\n`);
  const modelBytes = buildModelBytes(vocab.length);
  const config = {
    architectures: ["BertModel"],
    model_type: "bert",
    vocab_size: vocab.length,
    hidden_size: TINY_HIDDEN_SIZE,
    num_hidden_layers: 1,
    num_attention_heads: 1,
    intermediate_size: TINY_HIDDEN_SIZE,
    hidden_act: "tanh",
    max_position_embeddings: TINY_MAX_LENGTH,
    type_vocab_size: 2,
    layer_norm_eps: 1e-12,
    pad_token_id: 0,
  };
  const tokenizerConfig = {
    tokenizer_class: "BertTokenizer",
    do_lower_case: true,
    strip_accents: true,
    model_max_length: TINY_MAX_LENGTH,
    clean_up_tokenization_spaces: true,
    unk_token: "[UNK]",
    sep_token: "[SEP]",
    pad_token: "[PAD]",
    cls_token: "[CLS]",
    mask_token: "[MASK]",
  };
  return new Map([
    ["config.json", json(config)],
    ["tokenizer.json", json(buildTokenizerJson(vocab))],
    ["tokenizer_config.json", json(tokenizerConfig)],
    ["onnx/model.onnx", modelBytes],
    ["onnx/model_quantized.onnx", modelBytes],
  ]);
}

/** Writes the tiny model into `outDir` (created if needed) and returns the written paths. */
export async function writeTinyModel(outDir: string): Promise<string[]> {
  const written: string[] = [];
  for (const [relative, bytes] of buildTinyModelFiles()) {
    const target = path.join(outDir, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, bytes);
    written.push(target);
  }
  return written;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  const outDir = process.argv[2] ?? "test/fixtures/tiny-model";
  writeTinyModel(outDir).then(
    (files) => console.log(`Wrote ${files.length} files to ${outDir}`),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
