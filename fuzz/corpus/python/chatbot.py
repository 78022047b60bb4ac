"""A small support chatbot: retrieval with an embedder, generation with an LLM."""
from sentence_transformers import SentenceTransformer
from transformers import AutoModelForCausalLM, AutoTokenizer, pipeline

EMBEDDER = "sentence-transformers/all-MiniLM-L6-v2"
GENERATOR = "CohereForAI/c4ai-command-r-plus"

embedder = SentenceTransformer(EMBEDDER)
tokenizer = AutoTokenizer.from_pretrained(GENERATOR)
model = AutoModelForCausalLM.from_pretrained(GENERATOR)
summariser = pipeline("summarization", model="facebook/bart-large-cnn")
reasoner = AutoModelForCausalLM.from_pretrained(
    "deepseek-ai/DeepSeek-R1-Distill-Llama-8B", revision="main")
vision = AutoModelForCausalLM.from_pretrained(
    "meta-llama/Llama-3.2-11B-Vision-Instruct")
