ollama.chat(model="llama3.1:8b")
client.chat.completions.create(model="gpt-4o", messages=[])
hf_hub_download(repo_id="org/x", repo_type="dataset")
PeftModel.from_pretrained(base, "org/lora")
